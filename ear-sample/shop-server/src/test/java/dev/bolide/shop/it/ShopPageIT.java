package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The shop's page in a real browser. */
class ShopPageIT {

    private static HeadlessChromium chromium;
    private final RunningShop shop = RunningShop.fromBuild();

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void pageOpensAsTheShop() {
        WebDriver browser = chromium.driver();

        browser.get(shop.page().toString());

        assertThat(browser.getTitle()).isEqualTo("Bolide shop");
    }
}
