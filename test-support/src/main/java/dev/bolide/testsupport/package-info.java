/**
 * What the modules' tests share, test scope only: {@link dev.bolide.testsupport.FreePorts}, the
 * {@link dev.bolide.testsupport.NoThreadLeaks} check, and the {@link dev.bolide.testsupport.NoFileLeaks}
 * check, which JUnit applies to every test class of a module that has this one on its classpath; and
 * {@link dev.bolide.testsupport.MutableClock}, for the timeouts of broker and client tested without sleeping.
 * The loopback broker the tests start is not here but in the broker's test jar
 * ({@code dev.bolide.broker.fixture.LoopbackBroker}): the broker's own tests use this module, which
 * therefore cannot depend on the broker.
 */
package dev.bolide.testsupport;
