#!/usr/bin/python3
"""A hostile public-inbox stand-in on 127.0.0.1 for tool/reliability/hostile.

Answers every GET with one of:
  --mbox FILE   FILE gzipped (a thread as t.mbox.gz)
  --endless     an application/gzip answer that never ends (stops at 1 GiB)
  --bomb        a gzip stream of 1 GiB of zeros (4.5 MB on the wire)
and every POST (a search) with public-inbox's "No results found" 404.
Writes the port it listens on to --port-file and serves until killed.
"""
import argparse
import gzip
import http.server
import zlib

from sandbox import serve_on_loopback

GIB = 1 << 30
CHUNK = 1 << 20


def bomb():
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(16 * CHUNK)
    parts = [packer.compress(zeros) for _ in range(GIB // len(zeros))]
    parts.append(packer.flush())
    return b''.join(parts)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.0'

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = b'No results found\n'
        self.send_response(404)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.send_response(200)
        self.send_header('Content-Type', 'application/gzip')
        if self.server.mode == 'endless':
            self.end_headers()
            block = b'\x1f\x8b' + bytes(CHUNK - 2)
            try:
                for _ in range(GIB // CHUNK):
                    self.wfile.write(block)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.send_header('Content-Length', str(len(self.server.body)))
        self.end_headers()
        try:
            self.wfile.write(self.server.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port-file', required=True)
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument('--mbox')
    kind.add_argument('--endless', action='store_true')
    kind.add_argument('--bomb', action='store_true')
    args = parser.parse_args()
    if args.endless:
        mode, body = 'endless', b''
    elif args.bomb:
        mode, body = 'body', bomb()
    else:
        with open(args.mbox, 'rb') as f:
            mode, body = 'body', gzip.compress(f.read())
    serve_on_loopback(Handler, args.port_file, mode=mode, body=body)


if __name__ == '__main__':
    main()
