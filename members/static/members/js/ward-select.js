// Chained province → ward select. Without this script the form still works: the
// "Show the wards" button reloads it with the wards of the chosen province.
(function () {
  "use strict";
  document.querySelectorAll("select[data-wards-for]").forEach(function (ward) {
    var province = document.getElementById("id_" + ward.getAttribute("data-wards-for"));
    if (!province) { return; }
    var url = province.getAttribute("data-wards-url");
    var form = province.form;
    if (form) {
      form.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
    }
    province.addEventListener("change", function () {
      var first = ward.options[0] ? ward.options[0].cloneNode(true) : null;
      ward.innerHTML = "";
      if (first) { ward.appendChild(first); }
      if (!province.value) { return; }
      fetch(url.replace("/0/", "/" + encodeURIComponent(province.value) + "/"), {
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : { wards: [] };
      }).then(function (data) {
        data.wards.forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.code;
          option.textContent = item.name;
          ward.appendChild(option);
        });
      });
    });
  });
})();
