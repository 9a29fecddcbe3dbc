"""A service for devstack's tests. It does what its arguments say, in this order:
--dump FILE       write its environment as JSON to FILE
--probe VAR FILE  write to FILE whether 127.0.0.1:$VAR accepted a connection at start-up
--print TEXT      print TEXT (repeatable)
--delay SECONDS   wait before going on
--exit CODE       exit with CODE now
--daemonize CODE  fork twice, as a daemon does: the command exits with CODE at once and a
                  grandchild goes on with the remaining arguments, keeping stdout and stderr
--setsid          (after --daemonize) the daemon leaves the session and group, as most daemons do
--pidfile FILE    write the pid of the process that goes on into FILE
--quiet           send stdout and stderr to /dev/null from now on, as a daemon does
--child           start a child (a sleep) that stays in the group, print "child PID", and go on
--listen          listen on 127.0.0.1:$PORT and serve until stopped (otherwise sleep until stopped)
--http            serve HTTP on 127.0.0.1:$PORT: /healthz is 200, /status/NNN is NNN,
                  /flip is 500 while a file `sick` exists and 200 otherwise, /print/TEXT prints
                  TEXT (URL-decoded) and is 200 once it is written: a line on demand
"""
import json
import os
import socket
import sys
import time

args = sys.argv[1:]
listen = False
http = False
while args:
    flag = args.pop(0)
    if flag == "--dump":
        with open(args.pop(0), "w") as out:
            json.dump(dict(os.environ), out)
    elif flag == "--probe":
        variable, target = args.pop(0), args.pop(0)
        try:
            socket.create_connection(("127.0.0.1", int(os.environ[variable])), timeout=1).close()
            accepted = True
        except OSError:
            accepted = False
        with open(target, "w") as out:
            out.write("accepted" if accepted else "refused")
    elif flag == "--print":
        print(args.pop(0), flush=True)
    elif flag == "--delay":
        time.sleep(float(args.pop(0)))
    elif flag == "--exit":
        sys.stdout.flush()
        sys.exit(int(args.pop(0)))
    elif flag == "--daemonize":
        code = int(args.pop(0))
        sys.stdout.flush()
        if os.fork() > 0:
            os._exit(code)
        if args and args[0] == "--setsid":
            args.pop(0)
            os.setsid()
        if os.fork() > 0:
            os._exit(0)
    elif flag == "--quiet":
        sys.stdout.flush()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
    elif flag == "--pidfile":
        with open(args.pop(0), "w") as out:
            out.write("%d\n" % os.getpid())
    elif flag == "--child":
        import subprocess
        print("child %d" % subprocess.Popen(["sleep", "3600"]).pid, flush=True)
    elif flag == "--listen":
        listen = True
    elif flag == "--http":
        http = True

if http:
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith("/status/"):
                code = int(self.path[len("/status/"):])
            elif self.path == "/healthz":
                code = 200
            elif self.path == "/flip":
                code = 500 if os.path.exists("sick") else 200
            elif self.path.startswith("/print/"):
                from urllib.parse import unquote
                print(unquote(self.path[len("/print/"):]), flush=True)
                code = 200
            else:
                code = 404
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    HTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
elif listen:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(os.environ["PORT"])))
    server.listen(16)
    while True:
        connection, _ = server.accept()
        connection.close()
else:
    while True:
        time.sleep(3600)
