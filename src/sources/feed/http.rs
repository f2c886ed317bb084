//! The HTTP side of fetching: the agent's settings, credentials, and reading the headers that
//! matter to a feed reader (validators, charset, Retry-After).

use std::time::{Duration, SystemTime};

use ureq::Agent;
use ureq::http::HeaderMap;
use url::Url;

/// Which proxy to use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ProxySetting {
    /// `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` from the environment.
    #[default]
    FromEnv,
    /// No proxy whatever the environment says.
    Direct,
    /// This proxy (`http://host:port`, `socks5://...`), except for the hosts in `no_proxy`
    /// (comma-separated, as in `NO_PROXY`).
    Url { url: String, no_proxy: Option<String> },
}

/// `User-Agent`: the program and its version, so a site can tell who is asking.
#[must_use]
pub fn user_agent() -> String {
    format!("cyberreader/{} (feed reader)", env!("CARGO_PKG_VERSION"))
}

/// An agent that follows no redirects (the fetcher follows them itself, to report permanent ones
/// and catch loops) and gives non-2xx responses back instead of errors.
pub(super) fn agent(connect_timeout: Duration, proxy: &ProxySetting) -> Result<Agent, String> {
    let proxy = match proxy {
        ProxySetting::FromEnv => ureq::Proxy::try_from_env(),
        ProxySetting::Direct => None,
        ProxySetting::Url { url, no_proxy } => {
            let parsed = ureq::Proxy::new(url).map_err(|e| format!("proxy {url}: {e}"))?;
            let mut builder = ureq::Proxy::builder(parsed.protocol()).host(parsed.host()).port(parsed.port());
            if let Some(user) = parsed.username() {
                builder = builder.username(user);
            }
            if let Some(password) = parsed.password() {
                builder = builder.password(password);
            }
            if let Some(no_proxy) = no_proxy {
                builder = builder.no_proxy(no_proxy);
            }
            Some(builder.build().map_err(|e| format!("proxy {url}: {e}"))?)
        }
    };
    let config = Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_connect(Some(connect_timeout))
        .user_agent(user_agent())
        .proxy(proxy)
        .build();
    Ok(Agent::new_with_config(config))
}

/// User name and password for HTTP Basic authentication.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A password never reaches a log or a debug print.
        write!(f, "Credentials {{ user: {:?}, password: \"***\" }}", self.user)
    }
}

impl Credentials {
    pub(super) fn header(&self) -> String {
        format!("Basic {}", base64(format!("{}:{}", self.user, self.password).as_bytes()))
    }
}

/// `url` without its `user:pass@`, and those credentials (percent-decoded).
pub(super) fn split_credentials(url: &Url) -> (Url, Option<Credentials>) {
    if url.username().is_empty() && url.password().is_none() {
        return (url.clone(), None);
    }
    let decode = |s: &str| percent_decode(s);
    let credentials =
        Credentials { user: decode(url.username()), password: decode(url.password().unwrap_or_default()) };
    let mut bare = url.clone();
    // Setting these fails only for URLs that cannot have credentials, which had none.
    let _ = bare.set_username("");
    let _ = bare.set_password(None);
    (bare, Some(credentials))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b)))
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A header's value as text, when it is text.
pub(super) fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// The `charset=` of a Content-Type.
pub(super) fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"').to_string())
    })
}

/// How long `Retry-After` asks to wait: seconds, or an HTTP date (counted from `now`).
pub(super) fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value.trim()).ok()?;
    let at = SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(date.timestamp()).ok()?);
    Some(at.duration_since(now).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_auth_header() {
        let c = Credentials { user: "Aladdin".into(), password: "open sesame".into() };
        assert_eq!(c.header(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(format!("{c:?}"), "Credentials { user: \"Aladdin\", password: \"***\" }");
    }

    #[test]
    fn credentials_come_out_of_the_url() {
        let url = Url::parse("https://me%40home:p%3Ass@example.org/feed").unwrap();
        let (bare, credentials) = split_credentials(&url);
        assert_eq!(bare.as_str(), "https://example.org/feed");
        let credentials = credentials.unwrap();
        assert_eq!((credentials.user.as_str(), credentials.password.as_str()), ("me@home", "p:ss"));
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777 - 60);
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), Some(Duration::from_secs(60)));
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn charset_of_a_content_type() {
        assert_eq!(charset("text/xml; charset=\"ISO-8859-1\""), Some("ISO-8859-1".into()));
        assert_eq!(charset("application/rss+xml"), None);
    }
}
