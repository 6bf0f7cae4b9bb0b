// As-you-type suggestions for the case-study search box. The form works without this file:
// it only adds a list of links under the box, fetched from the page's suggest/ endpoint.
(function () {
    var input = document.getElementById("finder-q");
    if (!input || !window.fetch || !input.dataset.suggestUrl) return;
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = "finder-suggestions";
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(list, input.nextSibling.nextSibling);
    input.parentNode.appendChild(status);
    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(suggest, 200);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { list.hidden = true; }
        if (event.key === "ArrowDown" && !list.hidden) {
            var first = list.querySelector("a");
            if (first) { event.preventDefault(); first.focus(); }
        }
    });
    function suggest() {
        var words = input.value.trim();
        var ticket = ++latest;
        if (words.length < 2) { list.hidden = true; return; }
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(words), {headers: {Accept: "application/json"}})
            .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
            .then(function (data) { if (ticket === latest) show(data.suggestions || []); })
            .catch(function () { list.hidden = true; });
    }
    function show(suggestions) {
        list.textContent = "";
        suggestions.forEach(function (item) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = item.url;
            a.textContent = item.label;
            var kind = document.createElement("span");
            kind.className = "suggestions__kind";
            kind.textContent = " (" + item.kind + ")";
            a.appendChild(kind);
            li.appendChild(a);
            list.appendChild(li);
        });
        list.hidden = suggestions.length === 0;
        status.textContent = suggestions.length ? suggestions.length + " suggestions: press the down arrow to reach them." : "";
    }
})();
