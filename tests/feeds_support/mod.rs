//! A small HTTP/1.1 server on 127.0.0.1 for the feed tests and benches: each connection gets a
//! thread, each request the reply its handler chooses, then the connection closes.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// What the client sent.
#[derive(Debug, Clone)]
pub struct Request {
    /// The request target as sent: a path, a whole URL when sent to a proxy, or
    /// `tunnel://HOST:PORT/path` when it came through a CONNECT tunnel.
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The path, also when the target is a whole URL.
    pub fn path(&self) -> &str {
        match self.target.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
            None => &self.target,
        }
    }
}

/// How to answer.
pub enum Reply {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Accept and never answer.
    Silent,
    /// Headers promising `len` bytes, then one byte every `every`.
    Trickle {
        len: usize,
        every: Duration,
    },
    /// `len` bytes of feed-like filler, without being held in memory at once.
    Huge {
        len: usize,
    },
    /// Wait, then answer.
    Delayed(Duration, Box<Reply>),
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self::Full { status: 200, headers: vec![("Content-Type".into(), content_type.into())], body: body.into() }
    }

    pub fn status(status: u16) -> Self {
        Self::Full { status, headers: Vec::new(), body: format!("status {status}").into_bytes() }
    }

    pub fn redirect(status: u16, to: &str) -> Self {
        Self::Full { status, headers: vec![("Location".into(), to.into())], body: Vec::new() }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        if let Self::Full { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

pub struct Server {
    pub addr: SocketAddr,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// Starts a server on a free port of 127.0.0.1; it runs until the test process ends.
pub fn serve(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("local address");
    let handler = Arc::new(handler);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = Arc::clone(&handler);
            thread::spawn(move || answer(stream, handler.as_ref()));
        }
    });
    Server { addr }
}

fn answer(stream: TcpStream, handler: &(dyn Fn(&Request) -> Reply + Send + Sync)) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut tunnel = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            return;
        }
        let mut words = line.split_whitespace();
        let method = words.next().unwrap_or_default().to_string();
        let target = words.next().unwrap_or("/").to_string();
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        if method == "CONNECT" {
            // Acting as a proxy: the tunnelled request follows on the same connection.
            let _ = (&stream).write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
            tunnel = Some(target);
            continue;
        }
        let target = match &tunnel {
            Some(host) => format!("tunnel://{host}{target}"),
            None => target,
        };
        let request = Request { target, headers };
        send(stream, reader, handler(&request));
        return;
    }
}

fn send(mut stream: TcpStream, mut reader: BufReader<TcpStream>, reply: Reply) {
    match reply {
        Reply::Full { status, headers, body } => {
            let mut head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Silent => {
            // Hold the connection until the client gives up.
            let mut sink = Vec::new();
            let _ = reader.read_to_end(&mut sink);
        }
        Reply::Trickle { len, every } => {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len}\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            for _ in 0..len {
                thread::sleep(every);
                if stream.write_all(b" ").is_err() {
                    return;
                }
            }
        }
        Reply::Huge { len } => {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len}\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = left.min(chunk.len());
                if stream.write_all(&chunk[..n]).is_err() {
                    return;
                }
                left -= n;
            }
        }
        Reply::Delayed(wait, reply) => {
            thread::sleep(wait);
            send(stream, reader, *reply);
        }
    }
}

/// An RSS 2.0 feed of `items` items, each with a paragraph or two of HTML.
/// The benches' slow server: every path a small feed the server takes 100 ms over, with an
/// ETag ("v1") it answers 304 to at once.
pub fn slow_feeds() -> Server {
    serve(|r| {
        if r.header("If-None-Match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            let feed = Reply::ok("application/rss+xml", rss("Feed", 10)).with_header("ETag", "\"v1\"");
            Reply::Delayed(Duration::from_millis(100), Box::new(feed))
        }
    })
}

pub fn rss(title: &str, items: usize) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>https://example.org/</link>\n"
    );
    for i in 0..items {
        out.push_str(&format!(
            "<item><title>Story {i}</title><link>https://example.org/{i}</link><guid>id-{i}</guid>\
             <pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate><description><![CDATA[<p>SEOUL, June 10 (Yonhap) -- \
             Minister Park Ji-won said on Tuesday that story {i} was <a href=\"https://example.org/{i}/more\">developing</a>.</p>\
             <p>Officials met in the capital.</p>]]></description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}
