"""The example worker: no port of its own; every few seconds it does a job that needs the API (API_URL)."""
import json
import os
import signal
import sys
import time
import urllib.request

API_URL = os.environ["API_URL"]
INTERVAL = float(os.environ.get("WORKER_INTERVAL", "5"))

signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
print("worker started; API at %s" % API_URL)
job = 0
while True:
    job += 1
    try:
        with urllib.request.urlopen(API_URL + "/api/hello", timeout=5) as response:
            message = json.load(response)["message"]
        print("job %d done (api says: %s)" % (job, message))
    except OSError as error:
        print("job %d failed: %s" % (job, error))
    time.sleep(INTERVAL)
