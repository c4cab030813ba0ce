import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';

/** Meta's date; after it On-Premises Coreapps no longer receive updates or support. */
export const ONPREM_SUNSET = '23 October 2025';

export function SunsetBanner() {
  return (
    <Alert variant="warning" data-testid="onprem-sunset">
      <AlertTitle>The On-Premises API was sunset on {ONPREM_SUNSET}.</AlertTitle>
      <AlertDescription>
        <p>
          Meta no longer supports the On-Premises API. Numbers must move to the Cloud API, where webhooks are
          routed by the phone number, WABA and app tiers. This page reads what each Coreapp still holds and
          carries its webhook URL over as the numbers’ phone override.
        </p>
      </AlertDescription>
    </Alert>
  );
}
