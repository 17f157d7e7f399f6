// Plan mutations that refresh every grow query once they succeed.
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

export function useGrowRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.checkins.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.partners.pathKey() }),
    ]);
}
