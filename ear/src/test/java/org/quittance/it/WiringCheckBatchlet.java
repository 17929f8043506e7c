package org.quittance.it;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A step that fails when told to, to prove that a failed job can be restarted. */
@Named("wiringCheckBatchlet")
@Dependent
public class WiringCheckBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "fail")
    String fail;

    @Override
    public String process() {
        if (Boolean.parseBoolean(fail)) {
            throw new IllegalStateException("failing on purpose");
        }
        return "DONE";
    }
}
