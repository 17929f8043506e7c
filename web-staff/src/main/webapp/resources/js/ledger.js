// The ledger's matter chooser submits its GET form when changed (the client is chosen by the picker). Here, not in onchange attributes: the
// pages' Content-Security-Policy runs no inline script.
document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('choose');
    if (!form) {
        return;
    }
    if (form.matter) {
        form.matter.addEventListener('change', function () {
            form.submit();
        });
    }
});
