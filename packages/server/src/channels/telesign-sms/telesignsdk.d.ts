// The SDK ships no types; this covers the one client Switchboard uses (CH2).
declare module 'telesignsdk/src/MessagingClient.js' {
  /** A request the SDK has built and signed, handed to its transport. */
  export type TeleSignRequest = {
    url: string;
    method: string;
    headers: Record<string, string>;
    body?: string;
    timeout: number;
  };

  /** The SDK's transport seam (its `RequestWrapper`): it performs the HTTP exchange. */
  export type TeleSignTransport = {
    request(options: TeleSignRequest, callback: (err: unknown, res: unknown, body: unknown) => void): void;
  };

  export default class MessagingClient {
    constructor(
      transport: TeleSignTransport,
      customerId: string,
      apiKey: string,
      restEndpoint?: string | null,
      timeout?: number,
      userAgent?: string | null,
    );
    message(
      callback: (err: unknown, body: unknown) => void,
      phoneNumber: string,
      message: string,
      messageType: string,
    ): void;
    status(callback: (err: unknown, body: unknown) => void, referenceId: string): void;
  }
}
