package org.quittance.web.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import org.primefaces.component.datatable.export.DataTableCSVExporter;
import org.quittance.platform.control.CsvCells;

/** The exporter of every "Export CSV" button: PrimeFaces' CSV, with each cell kept from being a formula. */
@ApplicationScoped
public class CsvExports {

    /** A new exporter per use: an exporter holds the document it writes. */
    @Produces
    @Dependent
    @Named("csvExporter")
    public DataTableCSVExporter csvExporter() {
        return new DataTableCSVExporter() {
            @Override
            protected String escapeQuotes(String value) {
                return super.escapeQuotes(CsvCells.neutralise(value));
            }
        };
    }
}
