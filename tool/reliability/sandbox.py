"""What every tool/reliability script shares: a copy of the checkout with
its own config, cache and git identity, the real seriesctl binary run in it,
and a fingerprint of the user's record (series/ and kernel/) to tell whether
a run changed it."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
SERIES = 'vb2-release-fence'


def binary():
    return os.path.realpath(os.environ.get('SERIESCTL', os.path.join(TOP, 'build', 'tool', 'seriesctl')))


def shared_cache():
    return os.path.join(os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache'), 'seriesctl')


def is_staging(name):
    """An atomic write's temporary file (.<name>.tmp.XXXXXX) or a staging
    directory (scratch-XXXXXX)."""
    return '.tmp.' in name or name.startswith('scratch-')


class Sandbox:
    """A project copy under a temporary directory, removed at the end."""

    def __init__(self, name, borrow_trees=False):
        self.dir = tempfile.mkdtemp(prefix='seriesctl-%s.' % name)
        self.project = os.path.join(self.dir, 'project')
        for part in ('config', 'series', 'kernel', 'templates'):
            shutil.copytree(os.path.join(TOP, part), os.path.join(self.project, part), symlinks=True)
        for entry in os.listdir(os.path.join(self.project, 'series')):
            if entry.startswith('.'):
                os.remove(os.path.join(self.project, 'series', entry))
        self.config = os.path.join(self.dir, 'config')
        self.cache = os.path.join(self.dir, 'cache')
        os.makedirs(os.path.join(self.config, 'seriesctl'))
        os.makedirs(os.path.join(self.cache, 'seriesctl'))
        if borrow_trees:
            self.borrow_trees()
        self.gitconfig = os.path.join(self.dir, 'gitconfig')
        with open(self.gitconfig, 'w') as f:
            f.write('[user]\n\tname = Markus Fritsche\n\temail = mfritsche@reauktion.de\n')

    def borrow_trees(self):
        """The imported kernel tree, read-only: a store of our own whose
        objects come from the shared one (alternates), with its refs copied,
        so a verb that writes commits or notes (rebase --onto) writes here;
        the work trees are only read, and linked."""
        shared, mine = shared_cache(), os.path.join(self.cache, 'seriesctl')
        if not os.path.isdir(os.path.join(shared, 'store.git', 'objects')):
            return
        store = os.path.join(mine, 'store.git')
        subprocess.run(['git', 'init', '-q', '--bare', store], check=True)
        with open(os.path.join(store, 'objects', 'info', 'alternates'), 'w') as f:
            f.write(os.path.join(shared, 'store.git', 'objects') + '\n')
        refs = subprocess.run(['git', '--git-dir=' + os.path.join(shared, 'store.git'), 'for-each-ref',
                               '--format=create %(refname) %(objectname)'], check=True, capture_output=True).stdout
        subprocess.run(['git', '--git-dir=' + store, 'update-ref', '--stdin'], input=refs, check=True)
        if os.path.isdir(os.path.join(shared, 'trees')):
            os.symlink(os.path.join(shared, 'trees'), os.path.join(mine, 'trees'))

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def has_tree(self):
        return os.path.isdir(os.path.join(self.cache, 'seriesctl', 'trees', 'debian-6.12'))

    @property
    def series_file(self):
        return os.path.join(self.project, 'series', SERIES + '.yaml')

    def path(self, *parts):
        return os.path.join(self.project, *parts)

    def env(self):
        env = dict(os.environ)
        env.update(XDG_CONFIG_HOME=self.config, XDG_CACHE_HOME=self.cache, GIT_CONFIG_GLOBAL=self.gitconfig,
                   GIT_CONFIG_NOSYSTEM='1', EDITOR='false', LC_ALL='C.UTF-8')
        return env

    def staging_left(self):
        """Temporary files and scratch directories writers left behind."""
        found = 0
        for part in ('series', 'kernel'):
            for root, dirs, files in os.walk(self.path(part)):
                found += sum(1 for name in dirs + files if is_staging(name))
        return found

    def command(self, args):
        return [binary(), '--root', self.project] + list(args)

    def run(self, args, timeout=600):
        done = subprocess.run(self.command(args), env=self.env(), cwd=self.project, capture_output=True,
                              timeout=timeout)
        return done.returncode, done.stdout.decode('utf-8', 'replace'), done.stderr.decode('utf-8', 'replace')

    def spawn(self, args, stderr=subprocess.DEVNULL):
        return subprocess.Popen(self.command(args), env=self.env(), cwd=self.project, stdout=subprocess.DEVNULL,
                                stderr=stderr)

    def write_config(self, name, text):
        with open(os.path.join(self.config, 'seriesctl', name), 'w') as f:
            f.write(text)

    def read(self, *parts):
        with open(self.path(*parts), 'rb') as f:
            return f.read()

    def write(self, relative, data):
        path = self.path(relative)
        with open(path, 'wb' if isinstance(data, bytes) else 'w') as f:
            f.write(data)

    def fingerprint(self):
        """sha256 over every file of series/ and kernel/ (names and bytes),
        leaving out locks and what a writer stages its files in."""
        digest = hashlib.sha256()
        for part in ('series', 'kernel'):
            for root, dirs, files in os.walk(self.path(part)):
                dirs[:] = sorted(d for d in dirs if not is_staging(d))
                for name in sorted(files):
                    if name.endswith('.lock') or is_staging(name):
                        continue
                    full = os.path.join(root, name)
                    digest.update(os.path.relpath(full, self.project).encode() + b'\0')
                    with open(full, 'rb') as f:
                        digest.update(f.read())
        return digest.hexdigest()


def mark_v2_sent(box):
    """v2 recorded as sent, so `new-version` may cut v3 from it."""
    import re
    text = box.read('series', SERIES + '.yaml').decode()
    text = re.sub(r'(  - version: v2\n    state: )draft', r'\1sent', text, 1)
    text = text.rstrip('\n') + '\n    sent:\n      date: 2026-11-30\n      cover: 20261130-v2-cover@reauktion.de\n'
    box.write('series/%s.yaml' % SERIES, text)


def refusal_problem(code, err, *expected):
    """Why a run is not a clean refusal (exit 2, its last stderr line the only
    `seriesctl:` line and saying each of `expected`), or None."""
    lines = [line for line in err.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith('seriesctl: ')]
    if code != 2:
        return 'exit %d, not 2' % code
    if len(errors) != 1 or lines[-1] != errors[0]:
        return 'not one error line: %r' % err[-300:]
    for words in expected:
        if words not in errors[0]:
            return 'error does not say %r: %s' % (words, errors[0])
    return None


class Server:
    """One of the stand-in servers of this directory (hostile_lore.py,
    mbox_archive.py), started with a port file and killed at close()."""

    def __init__(self, box, script, *args):
        port_file = os.path.join(box.dir, script + '.port')
        if os.path.exists(port_file):
            os.remove(port_file)
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, script), '--port-file', port_file]
                                        + list(args))
        deadline = time.time() + 120
        while not os.path.exists(port_file):
            if time.time() > deadline or self.process.poll() is not None:
                raise SystemExit('%s did not start' % script)
            time.sleep(0.05)
        with open(port_file) as f:
            self.port = int(f.read().strip())
        self.url = 'http://127.0.0.1:%d' % self.port

    def close(self):
        self.process.kill()
        self.process.wait()


def use_archive(box, url, total=60):
    """The user's lore.yaml: this archive, no retries."""
    box.write_config('lore.yaml', 'url: %s\ninbox: all\nretries: 0\ntimeouts:\n  connect: 2\n  total: %d\n'
                     'overlap: 600\nradar-days: 36500\n' % (url, total))


def serve_on_loopback(handler, port_file, **attributes):
    """The stand-in servers' main loop: `handler` on a free loopback port,
    with `attributes` set on the server, the port written to `port_file`
    (whole, by rename) for Server to read."""
    import socketserver

    class LoopbackServer(socketserver.ThreadingTCPServer):
        def handle_error(self, request, client_address):
            # A client killed mid-answer (the kill-9 run does that) is
            # expected; anything else is printed as before.
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                super().handle_error(request, client_address)

    server = LoopbackServer(('127.0.0.1', 0), handler)
    server.daemon_threads = True
    for name, value in attributes.items():
        setattr(server, name, value)
    with open(port_file + '.tmp', 'w') as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + '.tmp', port_file)
    server.serve_forever()
