package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The shop's page in a real browser: an order placed there shows its state as it changes. */
class ShopPageIT {

    private static final String ALICE = "1";
    private static final String CABLE = "3";

    private static HeadlessChromium chromium;
    private final RunningShop shop = RunningShop.fromBuild();
    private WebDriver browser;
    private WebDriverWait waiting;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void openPage() {
        browser = chromium.driver();
        waiting = chromium.waiting();
        browser.get(shop.page().toString());
    }

    @Test
    void pageOpensAsTheShop() {
        assertThat(browser.getTitle()).isEqualTo("Bolide shop");
    }

    @Test
    void placedOrderShowsConfirmed() {
        placeOrderForOneCable();

        waitForStatus("CONFIRMED");
        assertThat(browser.findElement(By.id("order-payment")).getText()).isEqualTo("UNPAID");
    }

    @Test
    void paidOrderTurnsPaidWhenItsMessageIsConsumed() {
        placeOrderForOneCable();
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("pay-order"))).click();

        waitForStatus("PAID");
    }

    private void placeOrderForOneCable() {
        // the selects fill from the API after the page has loaded
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user option[value='" + ALICE + "']")));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#product option[value='" + CABLE + "']")));
        new Select(browser.findElement(By.id("user"))).selectByValue(ALICE);
        new Select(browser.findElement(By.id("product"))).selectByValue(CABLE);
        browser.findElement(By.id("place-order")).click();
    }

    private void waitForStatus(String status) {
        waiting.withMessage(() -> "order status is '" + browser.findElement(By.id("order-status")).getText()
                        + "', page message '" + browser.findElement(By.id("message")).getText() + "'")
                .until(ExpectedConditions.textToBe(By.id("order-status"), status));
    }
}
