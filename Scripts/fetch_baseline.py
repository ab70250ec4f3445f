"""The raw HTTP cost of the fetch benchmark: GETs the same pages one at a time over one
keep-alive connection with Python's http.client, and prints
"baseline fetch seconds S peak_rss_mb M pages N".

    python3 Scripts/fetch_baseline.py PORT PAGES
"""
import http.client
import resource
import sys
import time

port, pages = int(sys.argv[1]), int(sys.argv[2])
start = time.monotonic()
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
fetched = 0
for number in range(pages):
    connection.request("GET", "/bench/%d.jsonl" % number, headers={"User-Agent": "baseline"})
    response = connection.getresponse()
    if response.status == 200 and response.read():
        fetched += 1
seconds = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("baseline fetch seconds %.3f peak_rss_mb %.0f pages %d" % (seconds, peak, fetched))
