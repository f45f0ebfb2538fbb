#!/usr/bin/python3
"""A LAVA farm on 127.0.0.1 for the tests: the XML-RPC calls of lava-server
that lavacli makes (system.version, scheduler.jobs.submit, .show, .logs),
with every submitted job run by the real dispatcher, lava-run, against the
given device dictionary. Job definitions and logs are kept in --dir.
"""
import argparse
import os
import subprocess
import threading
import xmlrpc.server

import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--device", required=True)
parser.add_argument("--dir", required=True)
args = parser.parse_args()

jobs = {}
lock = threading.Lock()


def run(job_id):
    base = os.path.join(args.dir, str(job_id))
    with open(base + ".log", "w") as log:
        subprocess.run(["lava-run", "--job-id", "farm-%d-%d" % (os.getpid(), job_id), "--output-dir",
                        base + "-output", "--device", args.device, base + ".yaml"],
                       stdout=subprocess.DEVNULL, stderr=log)
    with lock:
        jobs[job_id] = "Finished"


def submit(definition):
    yaml.safe_load(definition)
    with lock:
        job_id = len(jobs) + 1
        jobs[job_id] = "Running"
    with open(os.path.join(args.dir, "%d.yaml" % job_id), "w") as f:
        f.write(definition)
    threading.Thread(target=run, args=(job_id,), daemon=True).start()
    return job_id


def show(job_id):
    with lock:
        state = jobs[int(job_id)]
    return {"id": int(job_id), "state": state, "health": "Complete" if state == "Finished" else "Unknown",
            "failure_comment": None}


def logs(job_id, start=0, end=None):
    with lock:
        finished = jobs[int(job_id)] == "Finished"
    path = os.path.join(args.dir, "%d.log" % int(job_id))
    lines = [line for line in open(path).read().splitlines() if line.startswith("{")] if os.path.exists(path) else []
    return (finished, "".join("- " + line + "\n" for line in lines[start:end]))


server = xmlrpc.server.SimpleXMLRPCServer(("127.0.0.1", args.port), allow_none=True, logRequests=False)
server.register_function(lambda: "2023.01", "system.version")
server.register_function(submit, "scheduler.jobs.submit")
server.register_function(show, "scheduler.jobs.show")
server.register_function(logs, "scheduler.jobs.logs")
server.serve_forever()
