/** The remote screen of one phone (being built). */
export function ScreenView({ phoneId }: { phoneId: string }) {
  return <p>Remote screen for {phoneId} is coming.</p>;
}
