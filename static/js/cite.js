// "Copy" buttons beside each citation. Without JavaScript the buttons stay hidden and the
// citation text can be selected and copied as usual.
(function () {
    "use strict";
    if (!navigator.clipboard) {
        return;
    }
    document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
        var target = document.getElementById(button.getAttribute("data-copy-target"));
        if (!target) {
            return;
        }
        var label = button.textContent;
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(target.textContent.trim()).then(function () {
                button.textContent = "Copied";
                button.setAttribute("aria-live", "polite");
                window.setTimeout(function () { button.textContent = label; }, 3000);
            });
        });
    });
})();
