# http.server in a forked child, http.client and urllib.request in the parent
import http.client, http.server, json, os, socket, sys, urllib.request, urllib.error

class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "TestServer/1.0"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def date_time_string(self, timestamp=None):
        return "Thu, 01 Jan 2026 00:00:00 GMT"

    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404, "Nothing here")
            return
        body = json.dumps({"path": self.path, "method": "GET",
                           "agent": self.headers.get("User-Agent", "")[:6]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        data = self.rfile.read(n)
        self.send_response(201)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[::-1])

srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
host, port = srv.server_address
print(host, port > 0, srv.server_name != "")
pid = os.fork()
if pid == 0:
    try:
        for _ in range(6):
            srv.handle_request()
    finally:
        os._exit(0)
srv.server_close()

conn = http.client.HTTPConnection(host, port, timeout=10)
conn.request("GET", "/hello?x=1")
r = conn.getresponse()
print(r.status, r.reason, r.version, r.getheader("Content-Type"), r.getheader("Server"))
print(json.loads(r.read()))
print(r.getheader("Date"))
conn.close()

conn = http.client.HTTPConnection(host, port, timeout=10)
conn.request("POST", "/echo", body=b"reverse me", headers={"Content-Type": "text/plain"})
r = conn.getresponse()
print(r.status, r.reason, r.read())
conn.close()

conn = http.client.HTTPConnection(host, port, timeout=10)
conn.request("GET", "/missing")
r = conn.getresponse()
body = r.read().decode()
print(r.status, r.reason, "Nothing here" in body, r.getheader("Connection"))
conn.close()

url = "http://%s:%d" % (host, port)
with urllib.request.urlopen(url + "/via-urllib", timeout=10) as resp:
    print(resp.status, resp.headers["Content-Type"], json.loads(resp.read())["path"])
req = urllib.request.Request(url + "/post", data=b"abc", method="POST")
with urllib.request.urlopen(req, timeout=10) as resp:
    print(resp.status, resp.read())
try:
    urllib.request.urlopen(url + "/missing", timeout=10)
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, e.reason)
_, status = os.waitpid(pid, 0)
print("server exit", status)
try:
    http.client.HTTPConnection(host, port, timeout=5).request("GET", "/")
except ConnectionRefusedError as e:
    print("refused", e.errno)
