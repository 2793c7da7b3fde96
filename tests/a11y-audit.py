#!/usr/bin/env python3
# a11y-audit.py: reads the real window through AT-SPI, the way a screen reader does, and
# fails when a focusable control on one of the four pages has no real name (issue 15).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: a11y-audit.py SIGAP_BIN [--db FILE] [--verbose] [--expect NAME]...
#
# It starts a session bus of its own (GTK then starts its accessibility bus there, and
# nothing else answers on it) and its own X server (Xvfb -displayfd, which picks a free
# display without races) unless SIGAP_AUDIT_DISPLAY=keep uses $DISPLAY.
# Without the demo database given by --db, it creates one with `sigap demo`.
#
# What counts: every object with the FOCUSABLE state, except
#  - scroll panes (GtkScrolledWindow passes the focus to its child and is never a Tab stop),
#  - what lies inside a focusable button or drop-down (Tab cannot enter a button).
# A name is not real when it is empty, a GType name (GTK 4.8 falls back to "GtkToggleButton"),
# or the same text twice, the first maybe with its access key ("_Import… Import…").
#
# Exit status: 0 when nothing is missing, 1 when something is, 77 (skip) when AT-SPI or a
# display cannot be had at all.

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    print(f'1..0 # SKIP no AT-SPI for Python: {e}')
    sys.exit(SKIP)

TYPE_NAME = re.compile(r'^(Gtk|Adw|Sigap|Gdk)[A-Z][A-Za-z]*$')
CONTAINER_ROLES = {'scroll pane', 'viewport'}
ATOMIC_ROLES = {'push button', 'toggle button', 'combo box', 'check box', 'radio button',
                'menu item', 'link', 'switch'}
WAIT_APP_S = 60
WAIT_SETTLED_S = 90


def name_problem(name):
    """Why @name is not a real name, or None."""
    text = (name or '').strip()
    if not text:
        return 'no name'
    if TYPE_NAME.match(text):
        return 'type name only'
    # "_Import CSV… Import CSV…": the raw label, then the label widget's text.
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and [w.replace('_', '') for w in words[:half]] == words[half:]:
        return 'read twice' + (' (access key)' if '_' in text else '')
    return None


def state(obj, kind):
    try:
        return obj.get_state_set().contains(kind)
    except Exception:
        return False


def children(obj):
    try:
        n = obj.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            child = obj.get_child_at_index(i)
        except Exception:
            child = None
        if child is not None:
            out.append(child)
    return out


def role(obj):
    try:
        return obj.get_role_name()
    except Exception:
        return '?'


def name(obj):
    try:
        return obj.get_name() or ''
    except Exception:
        return ''


def path_of(stack):
    return ' > '.join(f'{r}[{n[:30]}]' for r, n in stack[-4:])


def find_path(obj, predicate, depth=0):
    """Child indexes (as get_child_at_index counts them) from @obj down to the first object
    that @predicate accepts, depth first, or None."""
    if predicate(obj):
        return []
    if depth > 60:
        return None
    for i, child in enumerate(children(obj)):
        sub = find_path(child, predicate, depth + 1)
        if sub is not None:
            return [i] + sub
    return None


def at_path(obj, path):
    for i in path:
        obj = obj.get_child_at_index(i) if obj is not None else None
    return obj


def audit(root, only, deadline):
    """Focusable objects under @root: [(role, name, problem, path)]. @only maps an index path
    (a tuple) to the one child index to descend into there."""
    found = []

    def walk(obj, stack, path, inside_control, depth):
        if time.monotonic() > deadline:
            raise TimeoutError('walking the accessible tree')
        r, n = role(obj), name(obj)
        stack = stack + [(r, n)]
        focusable = state(obj, Atspi.StateType.FOCUSABLE)
        if focusable and not inside_control and r not in CONTAINER_ROLES:
            found.append((r, n, name_problem(n), path_of(stack)))
        if depth > 60:
            return
        inside = inside_control or (focusable and r in ATOMIC_ROLES)
        keep = only.get(tuple(path))
        for i, child in enumerate(children(obj)):
            if keep is None or i == keep:
                walk(child, stack, path + [i], inside, depth + 1)

    walk(root, [], [], False, 0)
    return found


def find_app(pid, deadline):
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.25)
    return None


def find_first(obj, predicate, depth=0):
    if predicate(obj):
        return obj
    if depth > 60:
        return None
    for child in children(obj):
        hit = find_first(child, predicate, depth + 1)
        if hit is not None:
            return hit
    return None


def find_pages(app, deadline):
    """(frame, page names, index path of the stack of pages, restrictions) once the window
    shows its four pages with their content, or None. The restrictions keep a walk from the
    frame out of the other screens of the window's main stack (welcome, progress)."""
    while time.monotonic() < deadline:
        frame = next((c for c in children(app) if role(c) == 'frame'), None)
        if frame is not None:
            tabs = []
            tab_list = find_first(frame, lambda o: role(o) == 'page tab list')
            if tab_list is not None:
                tabs = [name(t) for t in children(tab_list) if role(t) == 'page tab']
            # The filter bar (a toolbar) sits just above the stack of pages.
            bar = find_first(frame, lambda o: role(o) == 'tool bar')
            if bar is not None and len(tabs) == 4:
                bar_path = find_path(frame, lambda o: role(o) == 'tool bar')
                stack_path = bar_path[:-1] + [bar_path[-1] + 1]
                stack = at_path(frame, stack_path)
                pages = children(stack) if stack is not None else []
                # Settled: every page has its content in.
                if len(pages) == 4 and all(len(list_focusable(p)) > 1 for p in pages):
                    only = {}
                    # The main stack: the nearest ancestor of the bar whose children are
                    # stack pages; the dashboard is the one holding the bar.
                    for depth in range(len(bar_path) - 1, 0, -1):
                        node = at_path(frame, bar_path[:depth])
                        kids = children(node)
                        if len(kids) > 1 and all(name(k) == 'GtkStackPage' for k in kids):
                            only[tuple(bar_path[:depth])] = bar_path[depth]
                            break
                    return frame, tabs, stack_path, only
        time.sleep(0.5)
    return None


def show_page(frame, index, page):
    """Clicks page tab @index (a page fills in when first shown), then waits until what the
    page holds stops changing, at most 30 s."""
    tab_list = find_first(frame, lambda o: role(o) == 'page tab list')
    tabs = [t for t in children(tab_list) if role(t) == 'page tab'] if tab_list else []
    if index < len(tabs):
        try:
            tabs[index].do_action(0)
        except Exception as e:
            print(f'# could not click the page tab: {e}')
    deadline = time.monotonic() + 30
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = [(role(o), name(o)) for o in list_focusable(page)]
        if now != last:
            last, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since > 1.5:
            return
        time.sleep(0.25)


def list_focusable(obj, depth=0):
    out = []
    if state(obj, Atspi.StateType.FOCUSABLE) and role(obj) not in CONTAINER_ROLES:
        out.append(obj)
    if depth < 60:
        for child in children(obj):
            out.extend(list_focusable(child, depth + 1))
    return out


def start_daemon(argv, fd_option):
    """Starts a daemon that writes one line (its address) to the fd @fd_option names.
    Returns (process, line); the line is empty when the daemon said nothing. A daemon that
    hangs is ended by the audit's alarm."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(argv + fd_option(write_fd), pass_fds=(write_fd,),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    line = b''
    with os.fdopen(read_fd, 'rb') as pipe:
        while not line.endswith(b'\n'):
            chunk = pipe.read(1)
            if not chunk:
                break
            line += chunk
    return proc, line.decode().strip()


def stop(proc):
    if proc is not None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


class SessionBus:
    """A session bus of our own, so the accessibility bus and registry it starts answer to
    us alone; their output goes nowhere near the TAP on stdout."""

    def __init__(self):
        self.proc = None

    def __enter__(self):
        daemon = shutil.which('dbus-daemon')
        if daemon is None:
            print('1..0 # SKIP no dbus-daemon')
            sys.exit(SKIP)
        self.proc, address = start_daemon([daemon, '--session', '--nofork', '--nopidfile'],
                                          lambda fd: [f'--print-address={fd}'])
        if not address:
            stop(self.proc)
            print('1..0 # SKIP dbus-daemon did not start')
            sys.exit(SKIP)
        os.environ['DBUS_SESSION_BUS_ADDRESS'] = address
        os.environ.pop('AT_SPI_BUS_ADDRESS', None)
        return self

    def __exit__(self, *exc):
        stop(self.proc)


class Display:
    """An Xvfb of our own on a display it picks itself, or the one we were given."""

    def __init__(self):
        self.proc = None
        self.name = os.environ.get('DISPLAY')

    def __enter__(self):
        if os.environ.get('SIGAP_AUDIT_DISPLAY') == 'keep' and self.name:
            return self
        xvfb = shutil.which('Xvfb')
        if xvfb is None:
            if self.name:
                return self
            print('1..0 # SKIP no Xvfb and no display')
            sys.exit(SKIP)
        self.proc, number = start_daemon(
            [xvfb, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp', '-noreset'],
            lambda fd: ['-displayfd', str(fd)])
        if not number:
            stop(self.proc)
            print('1..0 # SKIP Xvfb did not start')
            sys.exit(SKIP)
        self.name = ':' + number
        return self

    def __exit__(self, *exc):
        stop(self.proc)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('sigap')
    parser.add_argument('--db')
    parser.add_argument('--verbose', action='store_true')
    parser.add_argument('--expect', action='append', default=[],
                        help='a name some focusable control must have (translations)')
    args = parser.parse_args()

    # A stuck D-Bus call must not outlive meson's timeout: bail out, and clean up, first.
    def give_up(signum, frame):
        raise TimeoutError('the audit took longer than 240 s')
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(240)

    with tempfile.TemporaryDirectory(prefix='sigap-a11y-') as tmp:
        # The accessibility bus launcher names its socket after the runtime dir and the
        # display: both our own, so audits running side by side never share a bus.
        runtime = os.path.join(tmp, 'runtime')
        os.mkdir(runtime, 0o700)
        os.environ['XDG_RUNTIME_DIR'] = runtime
        with SessionBus(), Display() as display:
            os.environ['DISPLAY'] = display.name
            try:
                return run(args, tmp, display)
            except TimeoutError as e:
                print(f'Bail out! {e}')
                return 1


def run(args, tmp, display):
    db = args.db
    if db is None:
        db = os.path.join(tmp, 'demo.sigap')
        subprocess.run([args.sigap, 'demo', '--db', db], check=True,
                       stdout=subprocess.DEVNULL, timeout=300)

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    env['DISPLAY'] = display.name
    env.pop('WAYLAND_DISPLAY', None)
    env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')

    Atspi.init()
    proc = subprocess.Popen([args.sigap, '--db', db], env=env)
    try:
        app = find_app(proc.pid, time.monotonic() + WAIT_APP_S)
        if app is None:
            print('Bail out! the window never appeared on the accessibility bus')
            return 1
        found_pages = find_pages(app, time.monotonic() + WAIT_SETTLED_S)
        if found_pages is None:
            print('Bail out! the window never showed its four pages')
            return 1
        frame, tabs, stack_path, only = found_pages

        # Each page with what is around it on screen: header bar, page tabs, filter bar.
        print(f'1..{len(tabs) + 1}')
        failed = 0
        names = set()
        for i, page_name in enumerate(tabs):
            restrict = dict(only)
            restrict[tuple(stack_path)] = i
            show_page(frame, i, at_path(frame, stack_path).get_child_at_index(i))
            found = audit(frame, restrict, time.monotonic() + 120)
            bad = [f for f in found if f[2] is not None]
            names.update(f[1] for f in found)
            print(f'# {page_name}: {len(found)} focusable, {len(bad)} without a real name')
            for r, n, problem, where in (found if args.verbose else bad):
                print(f'#   {problem or "ok"}: {r} {n!r}  ({where})')
            failed += bool(bad)
            print(f'{"not ok" if bad else "ok"} {i + 1} - {page_name}: '
                  'every focusable control has a real name')
        missing = [n for n in args.expect if n not in names]
        for n in missing:
            print(f'#   no control is named {n!r}')
        failed += bool(missing)
        print(f'{"not ok" if missing else "ok"} {len(tabs) + 1} - '
              'the expected names (in the language asked for)')
        return 1 if failed else 0
    finally:
        stop(proc)


if __name__ == '__main__':
    sys.exit(main())
