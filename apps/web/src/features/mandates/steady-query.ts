import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiProblem, logPosition, read } from "../../api/client";
import { useLanguage } from "../../i18n/language";

/**
 * A read that keeps showing what it had while it reads again, for the reads a form stands on.
 * Every read's key holds the language and the last write's position: switching language, or
 * the first of two writes in one press (the answer to a signal amends first), changes it, and
 * a read that showed "loading" then would unmount the form and lose what was typed.
 */
export function useSteadyQuery<T>(path: string, enabled = true) {
  const { language } = useLanguage();
  return useQuery({
    queryKey: [path, language, logPosition()],
    queryFn: () => read<T>(path, language),
    retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
    placeholderData: keepPreviousData,
    enabled,
  });
}
