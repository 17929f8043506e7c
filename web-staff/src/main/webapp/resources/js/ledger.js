// The ledger's choosers submit their GET form when changed. Here, not in onchange attributes: the
// pages' Content-Security-Policy runs no inline script.
document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('choose');
    if (!form) {
        return;
    }
    if (form.client) {
        form.client.addEventListener('change', function () {
            if (form.matter) {
                form.matter.value = '';
            }
            form.submit();
        });
    }
    if (form.matter) {
        form.matter.addEventListener('change', function () {
            form.submit();
        });
    }
});
