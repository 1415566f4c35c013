//! `copycat demo` then `copycat report`, and the page opened in headless Chromium (Debian's
//! `chromium`; `bash scripts/test.sh` installs it): every chart loads and has drawn content,
//! the page needs no script and fetches nothing from elsewhere, and a screenshot is taken (set
//! COPYCAT_REPORT_SCREENSHOT=docs/report.png to refresh the README's image).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

fn copycat(dir: &Path, args: &[&str]) -> String {
    let out =
        Command::new(env!("CARGO_BIN_EXE_copycat")).args(args).current_dir(dir).env_remove("COPYCAT_LOG").output().expect("run copycat");
    assert!(out.status.success(), "copycat {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn chromium() -> PathBuf {
    if let Ok(p) = std::env::var("COPYCAT_CHROMIUM") {
        return PathBuf::from(p);
    }
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!("no chromium found: install Debian's `chromium` (bash scripts/test.sh does), or set COPYCAT_CHROMIUM");
}

/// Serves `dir` over HTTP on 127.0.0.1 (so the page and its charts share an origin and a canvas
/// may read the charts' pixels); returns the base URL.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // Drain the headers.
            let mut h = String::new();
            while reader.read_line(&mut h).is_ok_and(|n| n > 2) {
                h.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_string();
            let file = dir.join(if path.is_empty() { "index.html" } else { path.as_str() });
            let (status, body, kind) = match std::fs::File::open(&file) {
                Ok(mut f) => {
                    let mut b = Vec::new();
                    f.read_to_end(&mut b).unwrap();
                    let kind = if path.ends_with(".svg") { "image/svg+xml" } else { "text/html; charset=utf-8" };
                    ("200 OK", b, kind)
                }
                Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
            };
            let head = format!("HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
        }
    });
    url
}

/// Checks every image once the page has loaded: loaded, and how many of its pixels are
/// saturated colour (the data series: axes, grid and text are grey), drawn on a canvas.
const CHECK_SCRIPT: &str = r#"<script>
window.addEventListener('load', () => {
  const out = [];
  for (const img of document.images) {
    const r = { src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, coloured: 0, inked: 0 };
    try {
      const c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        const mx = Math.max(d[i], d[i + 1], d[i + 2]), mn = Math.min(d[i], d[i + 1], d[i + 2]);
        if (mx - mn > 60) r.coloured++;
        if (mx < 200) r.inked++;
      }
    } catch (e) { r.error = String(e); }
    out.push(r);
  }
  const pre = document.createElement('pre');
  pre.id = 'chart-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"#;

fn browser(args: &[&str], profile: &Path) -> std::process::Output {
    Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--disable-dev-shm-usage"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium")
}

#[test]
fn report_of_a_demo_renders_in_chromium_with_every_chart_drawn() {
    let dir = tempfile::tempdir().unwrap();
    copycat(dir.path(), &["demo", "--quiet", "--days", "3", "--wallets", "60", "--db", "demo.db"]);
    let said = copycat(dir.path(), &["report", "--db", "demo.db", "--out", "report"]);
    assert!(said.contains("6 charts"), "{said}");
    let out = dir.path().join("report");
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    // Self-contained and readable without JavaScript.
    assert!(!page.contains("<script"), "the page needs no script");
    assert!(!page.contains("http://") && !page.contains("https://"), "the page fetches nothing from elsewhere");
    let charts: Vec<&str> =
        page.match_indices("<img class=\"chart\" src=\"").map(|(i, m)| &page[i + m.len()..]).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(charts, ["equity.svg", "drawdown.svg", "leaders.svg", "refusals.svg", "positions.svg", "followed.svg"]);

    // The same page with the checking script, served so the canvas may read the charts.
    std::fs::write(out.join("check.html"), page.replace("</body>", &format!("{CHECK_SCRIPT}</body>"))).unwrap();
    let url = serve(out.clone());
    let profile = dir.path().join("chromium-profile");
    let dom = browser(&["--virtual-time-budget=15000", "--dump-dom", &format!("{url}/check.html")], &profile);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    let start = dom_text.find("<pre id=\"chart-check\">").unwrap_or_else(|| {
        panic!(
            "chromium did not run the check ({}): {}",
            dom.status,
            String::from_utf8_lossy(&dom.stderr).lines().last().unwrap_or_default()
        )
    });
    let json = &dom_text[start + "<pre id=\"chart-check\">".len()..];
    let json = json[..json.find("</pre>").unwrap()].replace("&quot;", "\"").replace("&amp;", "&");
    let results: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), charts.len(), "{json}");
    for r in results {
        let src = r["src"].as_str().unwrap_or_default();
        assert_eq!(r["complete"], true, "{src} did not load: {r}");
        assert!(r.get("error").is_none(), "{src} could not be read back: {r}");
        assert_eq!((r["width"].as_u64(), r["height"].as_u64()), (Some(1000), Some(380)), "{src}: {r}");
        // Axes and labels are ink; the data is coloured (a line, bars, an area).
        assert!(r["inked"].as_u64().unwrap_or(0) > 2_000, "{src} has no axes or labels drawn: {r}");
        assert!(r["coloured"].as_u64().unwrap_or(0) > 300, "{src} has no data drawn: {r}");
    }

    let shot = dir.path().join("report.png");
    let taken = browser(&["--window-size=1200,3600", &format!("--screenshot={}", shot.display()), &format!("{url}/index.html")], &profile);
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}): {}", String::from_utf8_lossy(&taken.stderr)));
    assert!(png.starts_with(b"\x89PNG") && png.len() > 50_000, "the screenshot is a PNG with something in it ({} bytes)", png.len());
    if let Ok(keep) = std::env::var("COPYCAT_REPORT_SCREENSHOT") {
        let keep = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(keep);
        std::fs::write(&keep, &png).unwrap();
        eprintln!("screenshot kept at {}", keep.display());
    }
}
