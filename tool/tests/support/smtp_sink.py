#!/usr/bin/python3
"""A real SMTP server for tests (aiosmtpd) on 127.0.0.1.

Every message it accepts is appended to an mbox (mboxrd), and its envelope
(sender, recipients, Message-Id) to a JSON-lines file beside it. With
--stop-after K it exits once it has accepted K messages, as a server that
goes away in the middle of a send would. With --refuse ADDRESS it answers
that recipient 550. With --drop-in-data K it never answers the K-th DATA:
after --drop-after seconds it closes the connection and exits, having
stored the message first with --store-before-drop (the server took the
mail, the client never heard) or not (the mail is lost).
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
    def __init__(self, mbox, envelopes, stop_after, stop, args):
        self.mbox = mbox
        self.envelopes = envelopes
        self.stop_after = stop_after
        self.stop = stop
        self.args = args
        self.accepted = 0
        self.data = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.refuse and address.lower() == self.args.refuse.lower():
            return '550 5.1.1 <%s>: recipient refused' % address
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        self.data += 1
        if self.args.drop_in_data and self.data == self.args.drop_in_data:
            if self.args.store_before_drop:
                self.store(envelope)
            await asyncio.sleep(self.args.drop_after)
            server.transport.close()
            self.stop.set()
            await asyncio.sleep(3600)
        self.store(envelope)
        self.accepted += 1
        if self.stop_after and self.accepted >= self.stop_after:
            # Answer first, then go: the client got its 250 for this one.
            asyncio.get_running_loop().call_later(0.2, self.stop.set)
        return '250 OK accepted'

    def store(self, envelope):
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


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--mbox', required=True)
    parser.add_argument('--envelopes', required=True)
    parser.add_argument('--stop-after', type=int, default=0)
    parser.add_argument('--refuse', default='')
    parser.add_argument('--drop-in-data', type=int, default=0)
    parser.add_argument('--drop-after', type=float, default=5)
    parser.add_argument('--store-before-drop', action='store_true')
    args = parser.parse_args()
    stop = asyncio.Event()
    handler = Sink(args.mbox, args.envelopes, args.stop_after, stop, args)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname='smtp.test'), '127.0.0.1', args.port)
    await stop.wait()
    server.close()
    await server.wait_closed()


asyncio.run(main())
