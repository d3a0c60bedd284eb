"use client";

/** Announces a save that ended in a redirect here (?notice=…), once, then drops the parameter. */
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { useNotice } from "@/components/ui/notices";

export function FlashNotice({ message }: { message: string | null }) {
  const notify = useNotice();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (!message) return;
    notify(message);
    router.replace(pathname, { scroll: false });
  }, [message, notify, router, pathname]);
  return null;
}
