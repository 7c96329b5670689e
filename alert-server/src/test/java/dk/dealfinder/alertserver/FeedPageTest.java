package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser page: listing text is untrusted, so no markup is ever built from it. */
class FeedPageTest {

    private static final AlertServerHttp HTTP = new AlertServerHttp();
    private static AlertServer server;

    @BeforeAll
    static void startServer() {
        server = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void pageLoadsOnlyItsOwnScriptUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = HTTP.get(server, "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.body()).contains("<script src=\"/static/feed.js\"></script>");
        assertThat(Pattern.compile("<script").matcher(page.body()).results().count()).isEqualTo(1);
        assertThat(page.body())
                .doesNotContain("http://", "https://")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void inlineStyleIsAllowedByItsHash() throws Exception {
        HttpResponse<String> page = HTTP.get(server, "/");

        Matcher style =
                Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(Sha256.of(style.group(1)));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("style-src 'sha256-" + hash + "'");
    }

    @Test
    void scriptBuildsTheDomFromTextOnly() throws Exception {
        HttpResponse<String> script = HTTP.get(server, "/static/feed.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body())
                .contains("new EventSource('/api/alerts/stream?replay=50')")
                .contains("textContent", "addEventListener('alert'")
                .doesNotContain(
                        "innerHTML",
                        "outerHTML",
                        "insertAdjacentHTML",
                        "document.write",
                        "eval(",
                        "new Function")
                // hrefs only after the http(s) check
                .contains("url.protocol === 'http:' || url.protocol === 'https:'");
    }
}
