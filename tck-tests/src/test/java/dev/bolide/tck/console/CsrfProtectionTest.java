package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bolide.testsupport.FreePorts;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's protection against cross-site request forgery, against the launched broker: its own
 * forms work in headless Chromium, while a POST without the session's form token, with another
 * session's token, or from a page of another site is refused with 403 and the reason, and changes
 * nothing.
 */
class CsrfProtectionTest {
    @RegisterExtension
    static final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void theConsolesOwnFormsWorkInABrowser() throws Exception {
        fixture.chromium.driver().get(fixture.console + "/topics");
        fixture.chromium.driver().findElement(By.id("create-topic")).sendKeys("ByTheForm");
        fixture.chromium.driver().findElement(By.id("create")).click();

        fixture.chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-key='messages:ByTheForm']")));
        assertThat(fixture.chromium.driver().findElement(By.cssSelector("form[action='/topics/create']"
                + " input[type='hidden'][name='csrf']")).getAttribute("value")).isNotBlank();
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> forged = fixture.http.postForm("/topics/create", "topic=Forged&queues=8");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("lacks this console session's form token").contains("CSRF");
        assertThat(fixture.http.get("/api/topics").body()).doesNotContain("messages:Forged");
    }

    @Test
    void aPostWithTheFormTokenOfAnotherSessionIsRefusedAndChangesNothing() throws Exception {
        String othersToken = new ConsoleHttp(port()).formToken("/topics");
        fixture.http.get("/topics");

        HttpResponse<String> forged = fixture.http.postForm("/topics/create", "topic=Stolen&queues=8&csrf="
                + othersToken);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(fixture.http.get("/api/topics").body()).doesNotContain("messages:Stolen");
        assertThat(fixture.http.postFormOf("/topics", "/topics/create", "topic=Own&queues=8").statusCode())
                .as("the session's own token").isEqualTo(303);
    }

    @Test
    void aPostWithTheTokenButFromAnotherSiteIsRefused() throws Exception {
        String token = fixture.http.formToken("/topics");

        HttpResponse<String> forged = fixture.http.postFormFrom("http://evil.example", "/topics/create",
                "topic=Elsewhere&queues=8&csrf=" + token);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("comes from http://evil.example");
        assertThat(fixture.http.get("/api/topics").body()).doesNotContain("messages:Elsewhere");
    }

    @Test
    void aFormThatAPageOfAnotherSitePostsFromTheBrowserIsRefused() throws Exception {
        fixture.chromium.driver().get(fixture.console + "/topics");
        int attackerPort = FreePorts.freePort();
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", attackerPort), 0);
        byte[] page = ("<!DOCTYPE html><html><body><form method=\"post\" action=\"" + fixture.console
                + "/topics/delete\"><input name=\"topic\" value=\"Targeted\"><button id=\"go\">Win</button>"
                + "</form></body></html>").getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        attacker.start();
        try {
            fixture.http.postFormOf("/topics", "/topics/create", "topic=Targeted&queues=8");
            fixture.chromium.driver().get("http://127.0.0.1:" + attackerPort + "/");
            fixture.chromium.driver().findElement(By.id("go")).click();

            fixture.chromium.waiting().until(driver -> driver.getPageSource().contains("CSRF protection"));
            assertThat(fixture.http.get("/api/topics").body()).contains("messages:Targeted");
        } finally {
            attacker.stop(0);
        }
    }

    private static int port() {
        return Integer.parseInt(fixture.console.substring(fixture.console.lastIndexOf(':') + 1));
    }
}
