#!/usr/bin/python3
"""`git http-backend` behind a small HTTP/1.1 server on 127.0.0.1, for tests.

  git_http_gateway.py --port PORT --root DIR

Every request runs `git http-backend` as a CGI program (RFC 3875) on the
repositories under DIR: the request body (Content-Length or chunked, as
git and libgit2 send it) on its stdin, the request headers as HTTP_*
variables, and its own headers and Status line turned into the answer.
Unlike http.server's CGI handler it does not switch to "nobody" when run as
root, which CI is, so the test's own files stay readable.
"""
import argparse
import http.server
import os
import subprocess


class Gateway(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root = ""

    def do_GET(self):
        self.run_backend()

    def do_POST(self):
        self.run_backend()

    def request_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                while self.rfile.readline().strip():
                    pass
                return body
            body += self.rfile.read(size)
            self.rfile.readline()

    def run_backend(self):
        path, _, query = self.path.partition("?")
        body = self.request_body()
        env = {name: value for name, value in os.environ.items() if not name.startswith("HTTP_")}
        env.update({"GIT_PROJECT_ROOT": self.root, "GIT_HTTP_EXPORT_ALL": "1", "GATEWAY_INTERFACE": "CGI/1.1",
                    "SERVER_PROTOCOL": "HTTP/1.1", "REQUEST_METHOD": self.command, "PATH_INFO": path,
                    "QUERY_STRING": query, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
                    "CONTENT_LENGTH": str(len(body)), "REMOTE_ADDR": self.client_address[0]})
        for name, value in self.headers.items():
            env["HTTP_" + name.upper().replace("-", "_")] = value
        if "Git-Protocol" in self.headers:
            env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
        output = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
        # The CGI header block ends at the first blank line, "\r\n" or "\n" style.
        ends = [(output.find(blank), blank) for blank in (b"\r\n\r\n", b"\n\n") if blank in output]
        at, blank = min(ends) if ends else (len(output), b"")
        head, payload = output[:at], output[at + len(blank):]
        status, headers = 200, []
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def main():
    options = argparse.ArgumentParser()
    options.add_argument("--port", type=int, required=True)
    options.add_argument("--root", required=True)
    args = options.parse_args()
    Gateway.root = os.path.abspath(args.root)
    http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Gateway).serve_forever()


if __name__ == "__main__":
    main()
