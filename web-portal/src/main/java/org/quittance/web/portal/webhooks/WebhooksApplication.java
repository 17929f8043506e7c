package org.quittance.web.portal.webhooks;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Processor notifications arrive at /portal/webhooks/&lt;processor&gt; (public: they prove themselves by signature). */
@ApplicationPath("/webhooks")
public class WebhooksApplication extends Application {
}
