#!/usr/bin/python3
"""A real SMTP server for tests (aiosmtpd) on 127.0.0.1.

Every message it accepts is appended to an mbox (mboxrd), and its envelope
(sender, recipients, Message-Id) to a JSON-lines file beside it. With
--stop-after K it exits once it has accepted K messages, as a server that
goes away in the middle of a send would.
"""
import argparse
import asyncio
import email.parser
import email.policy
import json
import re
import time

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, mbox, envelopes, stop_after, stop):
        self.mbox = mbox
        self.envelopes = envelopes
        self.stop_after = stop_after
        self.stop = stop
        self.accepted = 0

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        text = content.decode('utf-8', 'surrogateescape').replace('\r\n', '\n')
        headers = email.parser.Parser(policy=email.policy.compat32).parsestr(text, headersonly=True)
        with open(self.mbox, 'a', encoding='utf-8', errors='surrogateescape') as out:
            out.write('From %s %s\n' % (envelope.mail_from or 'MAILER-DAEMON', time.asctime(time.gmtime())))
            for line in text.split('\n'):
                out.write(('>' + line if re.match(r'^>*From ', line) else line) + '\n')
            out.write('\n')
        with open(self.envelopes, 'a', encoding='utf-8') as out:
            out.write(json.dumps({'from': envelope.mail_from, 'to': envelope.rcpt_tos,
                                  'message-id': headers.get('Message-Id', '')}) + '\n')
        self.accepted += 1
        if self.stop_after and self.accepted >= self.stop_after:
            # Answer first, then go: the client got its 250 for this one.
            asyncio.get_running_loop().call_later(0.2, self.stop.set)
        return '250 OK accepted'


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--mbox', required=True)
    parser.add_argument('--envelopes', required=True)
    parser.add_argument('--stop-after', type=int, default=0)
    args = parser.parse_args()
    stop = asyncio.Event()
    handler = Sink(args.mbox, args.envelopes, args.stop_after, stop)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname='smtp.test'), '127.0.0.1', args.port)
    await stop.wait()
    server.close()
    await server.wait_closed()


asyncio.run(main())
