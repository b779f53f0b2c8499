package dev.bolide.tck.ondisk;

import dev.bolide.tck.rocketmq.BrokerProcess;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.rocketmq.client.exception.MQClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by Bolide 0.1.0 ({@link BolideStoreFixture}, checked in), opened by the broker
 * jar of this build: a change of the on-disk format, of the metadata files or of recovery that
 * makes an existing store unreadable fails here.
 *
 * <p>Remaking the fixture ({@link RemakeBolideStoreFixture}) is legitimate only when stores of the
 * version that wrote it need no longer open, a decision the README's upgrade notes must state; or
 * to add to it something it lacks while every assertion here still passes on the old one. It is
 * never the fix for a failure here: a failure means that users' stores would not open either. A
 * deliberate new format gets a fixture directory of its own beside this one.
 */
class BolideStoreFixtureTest extends StoreOpenedContract {
    @TempDir
    static Path directory;

    /** Opens a copy: the broker writes to its store, and the checked-in one must stay as it is. */
    @BeforeAll
    void openTheFixture() throws IOException, MQClientException {
        Path fixture = BolideStoreFixture.directory();
        Path store = directory.resolve("store");
        BolideStoreFixture.copyStore(fixture.resolve("store"), store);
        opened(BrokerProcess.startOnStore(directory, store, FreePorts.freeBrokerPort(), BolideStoreFixture.CONF),
                BolideStoreFixture.readManifest(fixture), BolideStoreFixture.readMetadata(fixture));
    }
}
