import { ListSkeleton } from "@/components/ui/list/list-skeleton";

// In the (registry) group on purpose: a loading boundary above /subjects/[id] would start streaming
// before the page can answer "not found", and a foreign subject's URL would return 200, not 404.
export default function Loading() {
  return <ListSkeleton title="Subjects" />;
}
