package dev.devstack.agent.proxy;

/** Text made safe for HTML: a project's or service's name is the user's, a line of output anybody's. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    public static String link(String url) {
        return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
    }
}
