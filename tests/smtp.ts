/**
 * A real SMTP server for tests (the `smtp-server` package) on a random local port. It keeps every
 * message it accepted, raw, and can be told to refuse: `mode = "tempfail"` answers RCPT TO with
 * 451, `"reject"` with 550. With `requireAuth`, it refuses every login, echoing the credentials it
 * was sent — a badly behaved server, so the tests can prove they never reach `last_error`.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string; headers: Record<string, string> };

export type TestSmtp = {
  url: (auth?: string) => string;
  port: number;
  messages: Received[];
  mode: "ok" | "tempfail" | "reject";
  /** Delay before accepting each message's data, so concurrent senders overlap. */
  delayMs: number;
  close: () => Promise<void>;
};

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startTestSmtp(opts: { requireAuth?: boolean } = {}): Promise<TestSmtp> {
  const state = { messages: [] as Received[], mode: "ok" as TestSmtp["mode"], delayMs: 0 };
  const server = new SMTPServer({
    authOptional: !opts.requireAuth,
    allowInsecureAuth: true,
    // No STARTTLS offered: nodemailer would upgrade and then refuse the server's self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(smtpError(535, `Authentication failed for ${auth.username}:${auth.password}`));
    },
    onRcptTo(_address, _session, cb) {
      if (state.mode === "tempfail") return cb(smtpError(451, "Mailbox busy, try again later"));
      if (state.mode === "reject") return cb(smtpError(550, "No such mailbox here"));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mailFrom = session.envelope.mailFrom;
        setTimeout(() => {
          state.messages.push({
            from: mailFrom ? mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            headers: parseHeaders(raw),
          });
          cb();
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    url: (auth?: string) => `smtp://${auth ? `${auth}@` : ""}127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as TestSmtp;
}

/** The top-level headers, lower-cased names, folded lines joined. Enough for From, Subject, Message-ID. */
function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}
