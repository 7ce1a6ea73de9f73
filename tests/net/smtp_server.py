"""A test SMTP server on loopback (aiosmtpd): saves each message to DIR/received/N.eml.

Usage: smtp_server.py PORT DIR [--tls CERT KEY] [--auth USER PASS]
While DIR/refuse exists, DATA is answered 451 (the outbox must keep the reply queued).
Prints READY once listening; stops when stdin closes.
"""
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(self.folder, "refuse")):
            return "451 4.3.0 try again later"
        self.count += 1
        path = os.path.join(self.folder, "received", "%d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 2.0.0 queued as %d" % self.count


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    args = sys.argv[3:]
    os.makedirs(os.path.join(folder, "received"), exist_ok=True)
    kwargs = {}
    if "--tls" in args:
        i = args.index("--tls")
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args[i + 1], args[i + 2])
        kwargs.update(tls_context=ctx, require_starttls=True)
    if "--auth" in args:
        i = args.index("--auth")
        user, password = args[i + 1].encode(), args[i + 2].encode()

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = getattr(auth_data, "login", None) == user and getattr(auth_data, "password", None) == password
            return AuthResult(success=ok)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls="--tls" in args)
    controller = Controller(Handler(folder), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
