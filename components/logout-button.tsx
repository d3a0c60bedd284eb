/** `logout` is the server action the page passes in (components never import app/). */
export function LogoutButton({ logout, className = "" }: { logout: () => Promise<void>; className?: string }) {
  return (
    <form action={logout}>
      <button type="submit" className={`rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 ${className}`}>
        Log out
      </button>
    </form>
  );
}
