/** The admin console of one phone (being built). */
export function AdminConsole({ phoneId }: { phoneId: string }) {
  return <p>Admin console for {phoneId} is coming.</p>;
}
