#!/usr/bin/python3
"""The archive as `send` asks it whether an attempted mail arrived:
GET /<inbox>/<message-id>/raw answers 200 with the mail when an SMTP sink's
mbox (--mbox, read at each request) holds it, else 404. Writes its port to
--port-file and serves until killed."""
import argparse
import http.server
import os
import re
import urllib.parse

from sandbox import serve_on_loopback


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        match = re.match(r'^/[^/]+/(.+)/raw$', self.path)
        wanted = urllib.parse.unquote(match.group(1)) if match else None
        found = None
        if wanted and os.path.exists(self.server.mbox):
            with open(self.server.mbox, encoding='utf-8', errors='surrogateescape') as f:
                for mail in re.split(r'^From .*\n', f.read(), flags=re.M):
                    ids = re.findall(r'^Message-Id:\s*<([^>]+)>', mail, flags=re.M | re.I)
                    if ids and ids[0] == wanted:
                        found = mail
        body = (found or 'Not Found\n').encode('utf-8', 'surrogateescape')
        self.send_response(200 if found else 404)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port-file', required=True)
    parser.add_argument('--mbox', required=True)
    args = parser.parse_args()
    serve_on_loopback(Handler, args.port_file, mbox=args.mbox)


if __name__ == '__main__':
    main()
