package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.shop.it.AdminCommand.Outcome;
import dev.bolide.shop.it.wrongaccount.WrongAccountBean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other half of the shop's beans receiving as the domain's account (OrderFlowsIT, TopUpIT): a
 * bean whose activation names that account with a wrong password does not start: Payara refuses its
 * deployment, and the server log says why in the broker's words.
 */
class WrongAccountBeanOnPayaraIT {
    private static final String APPLICATION = "shop-wrong-account";

    @TempDir
    Path dir;

    private final Asadmin asadmin = Asadmin.fromBuild();

    @Test
    void aBeanWithAWrongPasswordFailsItsDeploymentNamingTheSignatureCheck() throws Exception {
        Path jar = TestArchive.ejbJar(dir.resolve(APPLICATION + ".jar"), List.of(WrongAccountBean.class));
        Path log = ShopDomain.fromBuild().serverLog();
        long logged = Files.size(log);

        Outcome deployment = asadmin.attempt("deploy", "--name", APPLICATION, jar.toString());
        if (deployment.succeeded()) {
            asadmin.run("undeploy", APPLICATION);
        }

        assertThat(deployment.succeeded()).as(deployment.output()).isFalse();
        assertThat(deployment.output()).contains("EJB Container initialization error");
        assertThat(loggedSince(log, logged)).contains("[WrongAccountBean]",
                "Bolide activation: the brokers refused the account",
                "Check signature failed for accessKey=" + ShopDomain.BROKER_USER);
        assertThat(asadmin.run("list-applications")).doesNotContain(APPLICATION);
    }

    private static String loggedSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }
}
