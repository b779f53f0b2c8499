/**
 * What the modules' tests share, test scope only: {@link dev.bolide.testsupport.FreePorts}, the
 * {@link dev.bolide.testsupport.NoThreadLeaks} check, and the {@link dev.bolide.testsupport.NoFileLeaks}
 * check, which JUnit applies to every test class of a module that has this one on its classpath; and
 * {@link dev.bolide.testsupport.MutableClock}, for the timeouts of broker and client tested without sleeping.
 */
package dev.bolide.testsupport;
