package dev.bolide.ra;

import jakarta.ejb.Stateless;
import jakarta.resource.AdministeredObjectDefinition;

/** The test archive's administered objects, created by the server from the adapter's admin-object classes. */
@AdministeredObjectDefinition(name = "java:app/jms/Orders", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Queue", className = "dev.bolide.ra.admin.AdministeredQueue",
        properties = "name=Orders")
@AdministeredObjectDefinition(name = "java:app/jms/Prices", resourceAdapter = "bolide-ra",
        interfaceName = "jakarta.jms.Topic", className = "dev.bolide.ra.admin.AdministeredTopic",
        properties = "name=Prices")
@Stateless
public class OrdersDestinations {
}
