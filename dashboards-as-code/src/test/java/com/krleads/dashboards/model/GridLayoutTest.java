package com.krleads.dashboards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridLayoutTest {
    private static StatPanel stat(String title, int width, int height) {
        return StatPanel.builder().title(title).description("d").target(Target.builder("vector(1)")).size(width, height);
    }

    @Test
    void panelsFlowLeftToRightAndWrapUnderTheTallestOfTheLine() {
        GridLayout layout = new GridLayout();
        layout.row("first");
        layout.panel(stat("a", 12, 4));
        layout.panel(stat("b", 12, 8));
        layout.panel(stat("c", 6, 4));
        layout.row("second");
        layout.panel(stat("d", 24, 2));
        List<Object> placed = layout.placed();

        assertThat(((RowPanel) placed.get(0)).gridPos()).extracting(GridPos::x, GridPos::y, GridPos::w, GridPos::h)
                .containsExactly(0, 0, 24, 1);
        assertThat(pos(placed.get(1))).containsExactly(2, 0, 1, 12, 4);
        assertThat(pos(placed.get(2))).containsExactly(3, 12, 1, 12, 8);
        assertThat(pos(placed.get(3))).containsExactly(4, 0, 9, 6, 4);
        assertThat(((RowPanel) placed.get(4)).gridPos().y()).isEqualTo(13);
        assertThat(pos(placed.get(5))).containsExactly(6, 0, 14, 24, 2);
    }

    @Test
    void refIdsAreAssignedInOrder() {
        GridLayout layout = new GridLayout();
        layout.panel(stat("a", 6, 4).target(Target.builder("vector(2)")));
        Panel panel = (Panel) layout.placed().get(0);
        assertThat(panel.targets()).extracting(Target::refId).containsExactly("A", "B");
    }

    @Test
    void aPanelWithoutDescriptionOrQueryIsRefused() {
        GridLayout layout = new GridLayout();
        assertThatThrownBy(() -> layout.panel(StatPanel.builder().title("x").target(Target.builder("vector(1)"))))
                .hasMessageContaining("description of panel x");
        assertThatThrownBy(() -> layout.panel(StatPanel.builder().title("y").description("d")))
                .hasMessageContaining("has no query");
        assertThatThrownBy(() -> layout.panel(stat("z", 25, 4))).hasMessageContaining("bad grid position");
    }

    @Test
    void thresholdStepsMustIncrease() {
        assertThatThrownBy(() -> Threshold.Steps.absolute(Threshold.base("green"), Threshold.at(2, "orange"), Threshold.at(1, "red")))
                .hasMessageContaining("increase");
    }

    private static List<Integer> pos(Object placed) {
        Panel panel = (Panel) placed;
        GridPos p = panel.gridPos();
        return List.of(panel.id(), p.x(), p.y(), p.w(), p.h());
    }
}
