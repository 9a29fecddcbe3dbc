"""The example web page on 127.0.0.1:$PORT. It calls the API at the URL devstack injected (API_URL)."""
import html
import os
import signal
import sys
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ["PORT"])
API_URL = os.environ["API_URL"]
GREETING_URL = os.environ["GREETING_URL"]

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title></head>
<body>
<h1>shop</h1>
<p>The web server asked the API at <code>{api}</code> and got: <b id="server">{answer}</b></p>
<p>Your browser asks it too: <b id="browser">...</b></p>
<script>
fetch("{greeting}").then(r => r.json()).then(j => document.getElementById("browser").textContent = j.message);
</script>
</body></html>
"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/":
            self.send_error(404)
            return
        try:
            with urllib.request.urlopen(GREETING_URL, timeout=5) as response:
                answer = response.read().decode()
        except OSError as error:
            answer = "the API did not answer: %s" % error
        body = PAGE.format(api=html.escape(API_URL), answer=html.escape(answer),
                           greeting=html.escape(GREETING_URL)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print(fmt % args)


signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("web listening on http://127.0.0.1:%d (API at %s)" % (PORT, API_URL))
server.serve_forever()
