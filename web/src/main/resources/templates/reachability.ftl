<div class="measured"><#include "matrix.ftl"></div>
