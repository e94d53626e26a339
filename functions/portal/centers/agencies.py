"""The ministries and central agencies that receive central procedures ("Cấp bộ"), as the catalog names them.

Each agency is named in the catalog's agency texts by its name (also the names of the ministries merged
into it in 2025), by an abbreviation ("Bộ NN và MT") or by one of its departments ("Cục Hàng hải và Đường
thủy Việt Nam", "Ủy ban Chứng khoán Nhà nước", "Cục quản lý xuất nhập cảnh"). The phrases are folded
(portal.text.fold) and matched as whole words. How a procedure is routed with them: portal.centers.routing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    id: str  # its receiver's center id
    name: str
    name_en: str
    names: tuple[str, ...]  # folded phrases naming it or one of its departments in the catalog's texts


AGENCIES: tuple[Agency, ...] = (
    Agency(
        "bo-cong-an",
        "Bộ Công an",
        "Ministry of Public Security",
        (
            "bo cong an",
            "cuc quan ly xuat nhap canh",
            "cuc canh sat",
            "cuc an ninh mang",
            "trung tam du lieu quoc gia",
            "cuc ho so nghiep vu",
        ),
    ),
    Agency("bo-cong-thuong", "Bộ Công Thương", "Ministry of Industry and Trade", ("bo cong thuong", "cuc hoa chat")),
    Agency(
        "bo-dan-toc-ton-giao",
        "Bộ Dân tộc và Tôn giáo",
        "Ministry of Ethnic and Religious Affairs",
        ("bo dan toc va ton giao", "ban ton giao chinh phu", "uy ban dan toc"),
    ),
    Agency("bo-giao-duc-dao-tao", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", ("bo giao duc",)),
    Agency(
        "bo-khoa-hoc-cong-nghe",
        "Bộ Khoa học và Công nghệ",
        "Ministry of Science and Technology",
        (
            "bo khoa hoc va cong nghe",
            "bo thong tin va truyen thong",
            "cuc tan so vo tuyen dien",
            "cuc vien thong",
            "cuc an toan buc xa va hat nhan",
            "uy ban tieu chuan do luong chat luong quoc gia",
        ),
    ),
    Agency("bo-ngoai-giao", "Bộ Ngoại giao", "Ministry of Foreign Affairs", ("bo ngoai giao",)),
    Agency(
        "bo-noi-vu",
        "Bộ Nội vụ",
        "Ministry of Home Affairs",
        ("bo noi vu", "quy ho tro viec lam ngoai nuoc", "cuc viec lam"),
    ),
    Agency(
        "bo-nong-nghiep-moi-truong",
        "Bộ Nông nghiệp và Môi trường",
        "Ministry of Agriculture and Environment",
        (
            "bo nong nghiep va moi truong",
            "bo nn va mt",
            "bo tai nguyen va moi truong",
            "bo nong nghiep va phat trien nong thon",
            "cites viet nam",
            "cuc trong trot va bao ve thuc vat",
            "cuc chan nuoi va thu y",
        ),
    ),
    Agency(
        "bo-quoc-phong",
        "Bộ Quốc phòng",
        "Ministry of National Defence",
        (
            "bo quoc phong",
            "quan khu",
            "quan doan",
            "bo tu lenh thu do",
            "bo tong tham muu",
            "tong cuc hau can",
            "tong cuc chinh tri",
            "tong cuc cong nghiep quoc phong",
            "bao hiem xa hoi quan doi",
            "benh vien quan doi",
            "ban co yeu chinh phu",
        ),
    ),
    Agency(
        "bo-tai-chinh",
        "Bộ Tài chính",
        "Ministry of Finance",
        (
            "bo tai chinh",
            "bo ke hoach va dau tu",
            "uy ban chung khoan nha nuoc",
            "cuc hai quan",
            "chi cuc hai quan",
            "hai quan cua khau",
            "cuc thue",
            "kho bac nha nuoc",
        ),
    ),
    Agency("bo-tu-phap", "Bộ Tư pháp", "Ministry of Justice", ("bo tu phap", "cuc bo tro tu phap")),
    Agency(
        "bo-van-hoa-the-thao-du-lich",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Ministry of Culture, Sports and Tourism",
        ("bo van hoa the thao va du lich", "cuc xuat ban in va phat hanh", "cuc du lich quoc gia"),
    ),
    Agency(
        "bo-xay-dung",
        "Bộ Xây dựng",
        "Ministry of Construction",
        (
            "bo xay dung",
            "bo giao thong van tai",
            "cuc hang khong viet nam",
            "cang vu hang khong",
            "cuc hang hai",
            "chi cuc hang hai",
            "cang vu hang hai",
            "cang vu duong thuy noi dia",
            "cuc duong thuy noi dia",
            "chi cuc duong thuy noi dia",
            "cuc dang kiem viet nam",
            "chi cuc dang kiem",
            "cuc duong bo viet nam",
            "cuc duong sat viet nam",
            "co quan dang ky tau bien",
        ),
    ),
    Agency("bo-y-te", "Bộ Y tế", "Ministry of Health", ("bo y te",)),
    Agency(
        "bao-hiem-xa-hoi-viet-nam",
        "Bảo hiểm xã hội Việt Nam",
        "Vietnam Social Security",
        ("bao hiem xa hoi viet nam", "bhxh viet nam"),
    ),
    Agency("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam", ("ngan hang nha nuoc",)),
)

# Bodies that receive at their own counter, not through a ministry's reception.
OWN_COUNTERS = ("toa an", "co quan dai dien viet nam", "tap doan dien luc")
# Local bodies: a text naming only these names no ministry's reception.
LOCAL_BODIES = (
    "uy ban nhan dan",
    "ubnd",
    "cap tinh",
    "cap xa",
    "cap huyen",
    "tinh thanh pho",
    "cong an tinh",
    "phong canh sat",
    "ban chi huy quan su",
    "bo chi huy quan su",
    "bao hiem xa hoi cap",
    "bao hiem xa hoi tinh",
    "chi cuc kiem lam",
    "so tai chinh",
    "so tu phap",
    "so y te",
    "so noi vu",
    "so xay dung",
    "so ngoai vu",
    "so giao thong",
    "so nong nghiep",
)
ANY_MINISTRY = ("bo co quan ngang bo",)


BY_ID = {agency.id: agency for agency in AGENCIES}
