-- The blog's tables on MariaDB for RefusedInputsMariaDbTest, in utf8mb3 as MariaDB's older defaults
-- made them: a character outside the Basic Multilingual Plane is refused by these columns (error 1366).
create table users (
    id bigint not null auto_increment,
    name varchar(255) not null,
    primary key (id),
    constraint uk_users_name unique (name)
) character set utf8mb3;

create table posts (
    id bigint not null auto_increment,
    title varchar(255) not null,
    body varchar(10000) not null,
    author_id bigint not null,
    created_at datetime(6) not null,
    primary key (id),
    constraint fk_posts_author foreign key (author_id) references users (id)
) character set utf8mb3;
