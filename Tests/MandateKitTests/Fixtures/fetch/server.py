"""A test server for `mandate fetch`, on 127.0.0.1 only, written for the tests.

    python3 server.py LOG_FILE [PAGES]

Binds a free port, prints it on the first line, and serves the routes below until its standard
input closes (the test is over), 600 seconds pass, or it has answered 5,000 requests. (The time
limit is only a safety net: a loaded machine running the whole suite in parallel can reach a
test's requests minutes after its server started.)
Each request is appended to LOG_FILE as a JSON line (path, User-Agent, validators, time).
PAGES, when given, serves /bench/N.jsonl for N < PAGES (the fetch benchmark); the server then
ignores its standard input and stops after the same 600 seconds or 5,000 + PAGES requests.
"""
import gzip
import http.server
import json
import os
import socket
import sys
import threading
import time

LOG = sys.argv[1]
PAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 0
COUNTS = {}
LOCK = threading.Lock()
REQUESTS = [0]
STARTED = time.time()
SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "Samples", "csto-pages")
CSTO_PAGE = "002_7dc5948d4aa5d35a.txt"


def rss(items, title="Test feed", host=""):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>', f"<title>{title}</title>",
           "<link>http://example.test/</link><description>Test</description>"]
    for item_title, link, text, date in items:
        link = "http://" + host + link if host and link.startswith("/") else link
        out.append(f"<item><title>{item_title}</title><link>{link}</link><description>{text}</description>"
                   f"<pubDate>{date}</pubDate></item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode()


FEED_ITEMS = [
    ("CSTO Council of Foreign Ministers meets in Almaty", "/articles/1.html",
     "The Council of Foreign Ministers of the CSTO met in Almaty to discuss the situation in Afghanistan.",
     "Thu, 23 May 2024 10:00:00 GMT"),
    ("CSTO peacekeepers train in Kazakhstan", "/articles/2.html",
     "Peacekeeping units of the CSTO member states held a joint training at a range near Almaty.",
     "Fri, 24 May 2024 10:00:00 GMT"),
]


def article(number, title, paragraphs, day):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Test News</title>
<link rel="canonical" href="/articles/{number}.html">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{day}T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>Copyright Test News. All rights reserved.</footer>
</body></html>""".encode()


ARTICLES = {
    "/articles/1.html": article(1, FEED_ITEMS[0][0], [
        "The Council of Foreign Ministers of the CSTO met in Almaty to discuss the situation in Afghanistan.",
        "On 23 May 2024, the ministers adopted a statement on the situation on the Tajik-Afghan border and "
        "instructed the Secretariat to prepare a programme of assistance.",
        "The next meeting of the Council will take place in Minsk in November."], "2024-05-23"),
    "/articles/2.html": article(2, FEED_ITEMS[1][0], [
        "Peacekeeping units of the CSTO member states held a joint training at a range near Almaty.",
        "More than five hundred servicemen took part in the exercise, which practised the deployment of a "
        "peacekeeping contingent.",
        "The training ended with a review of the units."], "2024-05-24"),
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm holds the body
        # until the client's delayed ACK, 40 ms per response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def count(self):
        with LOCK:
            COUNTS[self.path] = COUNTS.get(self.path, 0) + 1
            return COUNTS[self.path]

    def send(self, status, body=b"", content_type="text/plain; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with LOCK:
            REQUESTS[0] += 1
            with open(LOG, "a") as log:
                log.write(json.dumps({
                    "path": self.path, "agent": self.headers.get("User-Agent"),
                    "if_none_match": self.headers.get("If-None-Match"),
                    "if_modified_since": self.headers.get("If-Modified-Since"),
                    "accept_encoding": self.headers.get("Accept-Encoding"), "time": time.time()}) + "\n")
        path = self.path
        n = self.count()
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /\n\nUser-agent: mandate\nDisallow: /private/\n")
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, headers=[("ETag", '"v1"')])
            return self.send(200, rss(FEED_ITEMS, host=self.headers["Host"]), "application/rss+xml; charset=utf-8",
                             [("ETag", '"v1"'), ("Last-Modified", "Thu, 23 May 2024 12:00:00 GMT")])
        if path == "/dated-feed.xml":
            if self.headers.get("If-Modified-Since") == "Thu, 23 May 2024 12:00:00 GMT":
                return self.send(304)
            return self.send(200, rss(FEED_ITEMS[:1], host=self.headers["Host"]), "application/rss+xml",
                             [("Last-Modified", "Thu, 23 May 2024 12:00:00 GMT")])
        if path == "/no-validators.xml":
            return self.send(200, rss(FEED_ITEMS[1:], host=self.headers["Host"]), "application/rss+xml")
        if path in ARTICLES:
            return self.send(200, ARTICLES[path], "text/html; charset=utf-8")
        if path == "/csto-feed.xml":
            items = [("Strategic command and staff training of the CSTO", "/csto/" + CSTO_PAGE,
                      "The CSTO holds a strategic command and staff training.", "Tue, 12 Mar 2024 08:00:00 GMT")]
            return self.send(200, rss(items, host=self.headers["Host"]), "application/rss+xml")
        if path == "/csto/" + CSTO_PAGE:
            with open(os.path.join(SAMPLES, CSTO_PAGE), "rb") as page:
                return self.send(200, page.read(), "text/plain; charset=utf-8")
        if path == "/partly-broken.xml":
            if self.headers.get("If-None-Match") == '"p1"':
                return self.send(304, headers=[("ETag", '"p1"')])
            items = [FEED_ITEMS[0], ("A lost article", "/gone.html", "An article the server lost.",
                                     "Sat, 25 May 2024 10:00:00 GMT")]
            return self.send(200, rss(items, host=self.headers["Host"]), "application/rss+xml", [("ETag", '"p1"')])
        if path == "/shared-link.xml":
            return self.send(200, rss([(t, "/section/", d, p) for t, _, d, p in FEED_ITEMS], host=self.headers["Host"]), "application/rss+xml")
        if path == "/redirect":
            return self.send(302, headers=[("Location", "/moved")])
        if path == "/moved":
            return self.send(301, headers=[("Location", "http://%s/no-validators.xml" % self.headers["Host"])])
        if path in ("/loop-a", "/loop-b"):
            return self.send(302, headers=[("Location", "/loop-b" if path == "/loop-a" else "/loop-a")])
        if path.startswith("/chain/"):
            left = int(path.split("/")[2])
            return self.send(302, headers=[("Location", "/chain/%d" % (left - 1) if left > 0 else "/no-validators.xml")])
        if path == "/missing":
            return self.send(404, b"not here")
        if path == "/flaky.jsonl":
            if n == 1:
                return self.send(500, b"try again")
            return self.send(200, b'{"title": "Flaky server item", "text": "The server failed once, then answered.", '
                             b'"date": "2024-05-20"}\n', "application/x-ndjson")
        if path == "/broken":
            return self.send(503, b"down")
        if path == "/busy.jsonl":
            if n == 1:
                return self.send(429, b"slow down", headers=[("Retry-After", "1")])
            return self.send(200, b'{"title": "Busy server item", "text": "The server asked to wait a second.", '
                             b'"date": "2024-05-21"}\n', "application/x-ndjson")
        if path == "/busy-long":
            return self.send(429, b"come back tomorrow", headers=[("Retry-After", "86400")])
        if path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "400")
            self.end_headers()
            for _ in range(400):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.05)
            return
        if path == "/huge":
            return self.send(200, b"x" * 3_000_000, "text/plain")
        if path == "/huge-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"y" * 65536
            try:
                for _ in range(50):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            return
        if path == "/gzip.xml":
            body = gzip.compress(rss(FEED_ITEMS[:1], "Compressed feed"))
            return self.send(200, body, "application/rss+xml", [("Content-Encoding", "gzip")])
        if path == "/wrong-charset.xml":
            items = [("Совет министров ОДКБ собрался в Алматы", "/ru/1",
                      "Совет министров иностранных дел ОДКБ обсудил положение в Афганистане.",
                      "Thu, 23 May 2024 10:00:00 GMT")]
            return self.send(200, rss(items), "application/rss+xml; charset=iso-8859-1")
        if path == "/cp1251.html":
            # windows-1251 bytes, declared in <meta>, served with a wrong UTF-8 header.
            page = article(3, "Совет министров иностранных дел ОДКБ провёл заседание в Алматы", [
                "Совет министров иностранных дел Организации Договора о коллективной безопасности провёл "
                "заседание в Алматы и обсудил положение на таджикско-афганской границе.",
                "Министры приняли заявление о сотрудничестве в борьбе с международным терроризмом и поручили "
                "Секретариату подготовить программу помощи.",
                "Следующее заседание Совета пройдёт в Минске в ноябре."], "2024-05-23")
            page = page.decode().replace('charset="utf-8"', 'charset="windows-1251"').replace(
                '<meta charset="utf-8">', '<meta charset="windows-1251">').replace('lang="en"', 'lang="ru"')
            return self.send(200, page.encode("cp1251"), "text/html; charset=utf-8")
        if path == "/private/feed.xml":
            return self.send(200, rss(FEED_ITEMS, host=self.headers["Host"]), "application/rss+xml")
        if path == "/unknown.bin":
            return self.send(200, b"\x00\x01\x02 not news", "application/octet-stream")
        if path.startswith("/bench/") and PAGES:
            number = int(path.split("/")[2].split(".")[0])
            if number < PAGES:
                if self.headers.get("If-None-Match") == '"b%d"' % number:
                    return self.send(304, headers=[("ETag", '"b%d"' % number)])
                return self.send(200, b'{"title": "Benchmark item %d", "text": "Item %d of the loopback fetch benchmark, '
                                 b'a small page of news about the CSTO.", "date": "2024-05-%02d"}\n'
                                 % (number, number, number % 28 + 1), "application/x-ndjson",
                                 [("ETag", '"b%d"' % number)])
        return self.send(404, b"no such page")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()

    def watch_stdin():
        sys.stdin.read()
        stop.set()

    if not PAGES:
        threading.Thread(target=watch_stdin, daemon=True).start()
    while not stop.is_set() and time.time() - STARTED < 600 and REQUESTS[0] < 5000 + PAGES:
        stop.wait(0.2)
    server.shutdown()


if __name__ == "__main__":
    main()
