"use client";

import { useActionState } from "react";
import { useNotice } from "@/components/ui/notices";
import { idle, type ActionState } from "@/lib/action-state";

/** useActionState whose success message also becomes a page notice (the form may close or move). */
export function useNotifyingAction(serverAction: (prev: ActionState, data: FormData) => Promise<ActionState>) {
  const notify = useNotice();
  return useActionState(async (prev: ActionState, data: FormData) => {
    const result = await serverAction(prev, data);
    if (result.status === "success" && result.message) notify(result.message);
    return result;
  }, idle);
}
