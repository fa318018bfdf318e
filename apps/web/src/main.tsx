import "./zod-setup";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-aria-components";
import { App } from "./App";
import { LiveRefresh } from "./api/live";
import { LanguageProvider } from "./i18n/LanguageProvider";
import { navigate } from "./router";
import "./styles.css";

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <LiveRefresh />
        <RouterProvider navigate={navigate}>
          <App />
        </RouterProvider>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
