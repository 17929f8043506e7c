// The main menu's groups are <details> elements (they open and close without script, by keyboard too);
// this only makes them behave like a menu bar: one open at a time, closed by Escape or a click elsewhere.
(function () {
    var groups = document.querySelectorAll('.q-menu details');
    function closeAll(except) {
        groups.forEach(function (g) { if (g !== except) { g.removeAttribute('open'); } });
    }
    groups.forEach(function (g) {
        g.addEventListener('toggle', function () { if (g.open) { closeAll(g); } });
    });
    document.addEventListener('click', function (e) {
        if (!e.target.closest('.q-menu')) { closeAll(null); }
    });
    document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') {
            var open = document.querySelector('.q-menu details[open]');
            if (open) { open.removeAttribute('open'); open.querySelector('summary').focus(); }
        }
    });
})();
