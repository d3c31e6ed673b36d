package fr.duiconnect.cli.report;

/** Minimal HTML helpers for the self-contained reports (no external assets, everything escaped). */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page frame shared by the reports: inline CSS, no script, no external resource. */
    public static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><title>%s</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#1d2733;background:#fff}
                h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d9dee5;padding-bottom:4px}
                .sub{color:#5a6675;margin-bottom:16px} table{border-collapse:collapse;width:100%%;margin:8px 0 16px;font-size:14px}
                th,td{border:1px solid #d9dee5;padding:6px 8px;text-align:left;vertical-align:top} th{background:#f2f5f8}
                .pass{color:#0b6b2e;font-weight:600} .fail{color:#b3261e;font-weight:600} .unknown{color:#7a5c00;font-weight:600}
                .badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;font-weight:600}
                .badge.pass{background:#dff3e6} .badge.fail{background:#fbe3e1} .badge.unknown{background:#fff3cd}
                .grid{display:flex;flex-wrap:wrap;gap:16px} .card{border:1px solid #d9dee5;border-radius:8px;padding:12px;width:460px}
                .card h3{font-size:15px;margin:0 0 6px} pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;padding:8px;font-size:12px;max-height:240px;overflow:auto}
                </style></head><body>
                %s
                </body></html>
                """.formatted(escape(title), body);
    }
}
